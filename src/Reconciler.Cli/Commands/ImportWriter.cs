using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Reconciler.Files;

namespace Reconciler.Cli.Commands;

/// <summary>
/// One task of an import, from detail to file: the manifest is built from the request's identity and the detail's
/// body fields, checked in memory to read back as exactly that one document, created new inside the output folder
/// (<see cref="ContainedDirectory"/>), and read back from disk byte for byte. Anything else fails this task alone,
/// with a reason, and leaves no file behind that is not the document intended.
/// </summary>
internal sealed class ImportWriter(ImportRequest request, ContainedDirectory output, ManifestFile? settings, ManifestPipeline pipeline)
{
    private readonly string _schema = Path.GetRelativePath(Path.Combine(request.Root, request.Output), SchemaLocation.Find(request.Root)).Replace(Path.DirectorySeparatorChar, '/');
    private readonly Lock _verifying = new();

    public ImportOutcome Write(string taskId, string fileName, JsonObject detail)
    {
        var identity = new TaskIdentity(request.UserId, taskId);
        var task = ImportedTask.FromDetail(identity, request.SubUserId, detail);
        var file = request.Output.Length == 0 ? fileName : $"{request.Output}/{fileName}";
        var source = $"{request.Endpoint} (task detail of {identity}{(request.SubUserId is null ? "" : $", sub-account {request.SubUserId}")})";
        var bytes = Encoding.UTF8.GetBytes(ManifestYaml.Write(task, _schema, source));

        var verdict = Verify(bytes, file, task);
        if (verdict.Kind == ImportVerdictKind.Foreign)
        {
            return ImportOutcome.Failed(taskId, $"the manifest built from the platform's answer is refused: {verdict.Problem}; nothing was written");
        }

        if (output.CreateFile(fileName, bytes) is { } refused)
        {
            return ImportOutcome.Failed(taskId, $"not written: {refused}");
        }

        if (!ReadsBack(fileName, bytes, out var why))
        {
            output.Remove(fileName);
            return ImportOutcome.Failed(taskId, $"{file} did not read back as written ({why}); it was removed");
        }

        return verdict.Kind == ImportVerdictKind.Exact
            ? new ImportOutcome(taskId, file, new ImportedManifest(identity, verdict.Task!.Body, file), null, [])
            : new ImportOutcome(taskId, file, null, $"{file} was written but is invalid: fix it, then plan (it is not tracked)", verdict.Errors);
    }

    private ImportVerdict Verify(byte[] bytes, string file, ImportedTask task)
    {
        // One pipeline, one verification at a time: the pipeline keeps per-run counters.
        lock (_verifying)
        {
            return ImportVerification.Check(bytes, file, task, pipeline, settings);
        }
    }

    private bool ReadsBack(string fileName, byte[] written, out string why)
    {
        try
        {
            var read = output.ReadFile(fileName, written.Length);
            why = read.Span.SequenceEqual(written) ? "" : $"{read.Length} bytes differ from the {written.Length} written";
            return why.Length == 0;
        }
        catch (IOException e)
        {
            why = e.Message;
            return false;
        }
    }
}
