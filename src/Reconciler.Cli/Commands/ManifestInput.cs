using Reconciler.Core.Manifests;

namespace Reconciler.Cli.Commands;

/// <summary>
/// The manifests a command reads, and what their files are read through. A git snapshot's files are read lazily from
/// the clone, when evaluation needs them, so the source stays open until the command is done with the snapshot:
/// dispose this at the end of the command, never before.
/// </summary>
/// <param name="DisplayPrefix">What makes the snapshot's paths readable where the user stands.</param>
internal sealed record ManifestInput(SourceSnapshot Snapshot, string DisplayPrefix, IDisposable? Reader) : IDisposable
{
    public void Dispose() => Reader?.Dispose();
}
