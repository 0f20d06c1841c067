using Reconciler.Cli.Output;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Sources;
using Reconciler.Core.Validation;
using Reconciler.Files;

// `reconciler validate PATH` in text form, no more: a directory, or one manifest file; diagnostics on stderr, a summary
// line on stdout, exit 0 when every manifest is valid. Paths are shown as the CLI shows them (ManifestInputOptions).
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: reconciler-aot-probe DIR|FILE");
    return 2;
}

var typed = args[0];
var full = Path.GetFullPath(typed);
var isFile = File.Exists(full) && !Directory.Exists(full);
var snapshot = isFile
    ? new DirectorySource(Path.GetDirectoryName(full)!, new ManifestGlob([Path.GetFileName(full)], null)).Read()
    : new DirectorySource(full).Read();
var prefix = DisplayPaths.PrefixFor(isFile ? (Path.GetDirectoryName(typed.TrimEnd('/')) is { Length: > 0 } parent ? parent : ".") : typed);
var desired = new ManifestPipeline().Evaluate(snapshot);
foreach (var diagnostic in DiagnosticOrder.Sort(desired.Invalid.SelectMany(i => i.Diagnostics).Concat(desired.Tasks.SelectMany(t => t.Warnings))))
{
    await Console.Error.WriteLineAsync(DisplayPaths.Apply(diagnostic, prefix).ToString());
}

var files = snapshot.Files.Count;
await Console.Out.WriteLineAsync(desired.Invalid.Count == 0
    ? $"{desired.Tasks.Count} task manifest(s) valid in {files} file(s)."
    : $"{desired.Invalid.Count} invalid, {desired.Tasks.Count} valid task manifest(s) in {files} file(s).");
return desired.Invalid.Count == 0 ? 0 : 1;
