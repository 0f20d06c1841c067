namespace Reconciler.Files;

/// <summary>A write that would leave its directory (a symbolic link, a non-directory on the way, a path outside) was refused; the message names the path.</summary>
public sealed class ContainmentException : IOException
{
    public ContainmentException()
    {
    }

    public ContainmentException(string message)
        : base(message)
    {
    }

    public ContainmentException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
