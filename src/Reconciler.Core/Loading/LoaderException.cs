namespace Reconciler.Core.Loading;

/// <summary>Raised inside the loader to stop one file at a problem; turned into a diagnostic, never escapes.</summary>
internal sealed class LoaderException(string code, string message, int line, int column) : Exception(message)
{
    public string Code { get; } = code;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
