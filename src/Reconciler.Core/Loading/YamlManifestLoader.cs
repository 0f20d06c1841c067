using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reconciler.Core.Loading;

/// <summary>
/// Turns a manifest file into JSON documents with source positions. Never throws for bad input:
/// size, encoding, syntax, duplicate keys, alias bombs and excessive nesting all become diagnostics
/// naming the file, line and column.
/// </summary>
public sealed class YamlManifestLoader(LoaderLimits? limits = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly LoaderLimits _limits = limits ?? LoaderLimits.Default;

    /// <summary>
    /// Whether the fast loader (<see cref="Fast.FastYamlLoader"/>) reads the files it can, the full loader the
    /// rest; off, the full loader reads every file (the differential tests compare the two).
    /// </summary>
    internal bool FastPath { get; init; } = true;

    public LoadResult Load(ManifestFile file)
    {
        if (file.Length > _limits.MaxFileBytes)
        {
            return Failed(file.Path, "file-too-large", $"file is {file.Length:N0} bytes; the limit is {_limits.MaxFileBytes:N0} bytes", 1, 1);
        }

        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = file.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Failed(file.Path, "file-read", $"cannot read file: {e.Message}", 1, 1);
        }

        if (bytes.Length > _limits.MaxFileBytes)
        {
            return Failed(file.Path, "file-too-large", $"file is {bytes.Length:N0} bytes; the limit is {_limits.MaxFileBytes:N0} bytes", 1, 1);
        }

        if (FastPath && Fast.FastYamlLoader.TryLoad(file.Path, bytes, _limits) is { } documents)
        {
            return new LoadResult(file.Path, documents, []);
        }

        return Decode(file.Path, bytes.Span, out var text, out var problem) ? Parse(file.Path, text) : new LoadResult(file.Path, [], [problem!]);
    }

    private static bool Decode(string path, ReadOnlySpan<byte> bytes, out string text, out Diagnostic? problem)
    {
        text = "";
        problem = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            problem = Diagnostic.Error("file-encoding", "file is UTF-16 encoded; save it as UTF-8", SourceLocation.StartOf(path));
            return false;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var before = bytes[..Math.Min(offset, bytes.Length)];
            var line = before.Count((byte)'\n') + 1;
            var column = before.Length - (before.LastIndexOf((byte)'\n') + 1) + 1;
            problem = Diagnostic.Error("file-encoding", $"file is not valid UTF-8 (invalid byte at offset {offset}); save it as UTF-8", new SourceLocation(path, line, column));
            return false;
        }
    }

    private LoadResult Parse(string path, string text)
    {
        text = BlockScalarRepair.EndWithLineBreak(text);
        for (var repairs = 0; ; repairs++)
        {
            var result = ParseOnce(path, text, out var literalError);
            if (literalError is null || repairs >= BlockScalarRepair.MaxRepairs
                || BlockScalarRepair.Repair(text, (int)literalError.End.Line, (int)literalError.End.Column, literalError.End.Index >= text.Length) is not { } repaired)
            {
                return result;
            }

            text = repaired;
        }
    }

    private LoadResult ParseOnce(string path, string text, out YamlException? literalError)
    {
        literalError = null;
        var documents = new List<LoadedDocument>();
        var parser = new Parser(new StringReader(text));
        YamlTreeBuilder? builder = null;
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                var start = parser.Consume<DocumentStart>();
                if (documents.Count >= _limits.MaxDocumentsPerFile)
                {
                    throw new LoaderException("yaml-document-limit", $"more than {_limits.MaxDocumentsPerFile} documents in one file", (int)start.Start.Line, (int)start.Start.Column);
                }

                builder = new YamlTreeBuilder(parser, _limits);
                var root = builder.ReadDocumentRoot();
                parser.Consume<DocumentEnd>();
                if (root is YamlScalarNode { Kind: ScalarKind.Null })
                {
                    continue; // an empty document (a lone '---' or only comments) is not a manifest
                }

                var json = JsonTreeWriter.Write(root);
                documents.Add(new LoadedDocument(documents.Count, new SourceLocation(path, root.Line, root.Column), json, new SourceMap(path, root)));
            }

            return new LoadResult(path, documents, []);
        }
        catch (LoaderException e)
        {
            return new LoadResult(path, documents, [Diagnostic.Error(e.Code, e.Message, new SourceLocation(path, e.Line, e.Column))]);
        }
        catch (YamlException e)
        {
            literalError = e.Message.Contains(BlockScalarRepair.ExtraSpacesMessage, StringComparison.Ordinal) ? e : null;
            var (line, column) = TabPosition(text, e) ?? ((int)e.Start.Line, (int)e.Start.Column);
            var message = builder?.InnermostOpenFlow is { } flow && !e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? flow.Message : Clean(e.Message);
            return new LoadResult(path, documents, [Diagnostic.Error("yaml-syntax", $"YAML syntax error: {message}", new SourceLocation(path, line, column))]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet reports some malformed input (e.g. an unclosed flow collection) without a position and in words of
            // its own state ("operation is not valid due to the current state of the object"): say what is wrong, and where.
            if (builder?.InnermostOpenFlow is { } flow)
            {
                return new LoadResult(path, documents, [Diagnostic.Error("yaml-syntax", $"YAML syntax error: {flow.Message}", new SourceLocation(path, flow.Line, flow.Column))]);
            }

            var at = parser.Current?.Start;
            var line = at is null ? 1 : (int)at.Value.Line;
            var column = at is null ? 1 : (int)at.Value.Column;
            return new LoadResult(path, documents, [Diagnostic.Error("yaml-syntax", $"YAML syntax error: {Clean(e.Message)}", new SourceLocation(path, line, column))]);
        }
    }

    /// <summary>YamlDotNet points a tab error at the enclosing mapping; point at the first indenting tab instead.</summary>
    private static (int Line, int Column)? TabPosition(string text, YamlException e)
    {
        if (!e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var lines = text.Split('\n');
        for (var i = Math.Max(0, (int)e.Start.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < Math.Max(indent, 1))
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Line:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static LoadResult Failed(string path, string code, string message, int line, int column) =>
        new(path, [], [Diagnostic.Error(code, message, new SourceLocation(path, line, column))]);
}
