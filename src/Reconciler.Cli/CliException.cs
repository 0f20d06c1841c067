namespace Reconciler.Cli;

/// <summary>A failure the user can fix (bad option combination, unreachable source…): shown as one line, exit 1.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException()
    {
    }
}
