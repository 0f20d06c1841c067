using System.CommandLine;

namespace Reconciler.Cli.Commands.State;

/// <summary>The <c>--format</c> of the state commands: text lines for people, JSON for scripts.</summary>
internal enum StateFormat
{
    Text,
    Json,
}
