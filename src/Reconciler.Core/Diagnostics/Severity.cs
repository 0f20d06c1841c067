namespace Reconciler.Core.Diagnostics;

/// <summary>How serious a diagnostic is. Errors make a manifest invalid; warnings never do.</summary>
public enum Severity
{
    Error,
    Warning,
}
