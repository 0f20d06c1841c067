namespace Reconciler.Cli.Commands;

/// <summary>The output formats of <c>validate</c>.</summary>
internal enum ValidateFormat
{
    Text,
    Json,
}
