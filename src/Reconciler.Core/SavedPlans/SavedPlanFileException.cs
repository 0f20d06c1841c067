namespace Reconciler.Core.SavedPlans;

/// <summary>A file that is not a saved plan this version can apply: unreadable JSON, another format, or altered since it was written.</summary>
public sealed class SavedPlanFileException : Exception
{
    public SavedPlanFileException()
    {
    }

    public SavedPlanFileException(string message)
        : base(message)
    {
    }

    public SavedPlanFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
