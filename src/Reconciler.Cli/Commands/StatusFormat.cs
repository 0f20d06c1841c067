namespace Reconciler.Cli.Commands;

/// <summary>The output formats of <c>status</c>.</summary>
internal enum StatusFormat
{
    Text,
    Json,
}
