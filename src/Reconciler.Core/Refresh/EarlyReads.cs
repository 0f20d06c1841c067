using System.Collections.Concurrent;
using System.Text.Json;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Refresh;

/// <summary>
/// A refresh of every managed task (<c>plan --refresh</c>, <c>apply --refresh</c>) reads the recorded tasks while the
/// manifests are evaluated: their identities and accounts come from the state, so the reads overlap the evaluation
/// instead of following it. Only records whose manifest file is still in the snapshot and does not mention
/// <c>suspend</c> are read early (a removed file's task and a suspended one are not read at all, as before). After planning, <see cref="LiveRefresh"/> takes an early read only for an entry
/// it reads anyway and with the same account; every other entry (an adoption, a changed <c>sub_user_id</c>) is read as
/// before, after the early reads are done, so no more than the parallelism is ever in flight.
/// </summary>
internal sealed class EarlyReads : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TaskIdentity, (string? SubUserId, RemoteTaskRead Read)> _reads = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;

    private EarlyReads(Func<IReadOnlyList<(TaskIdentity Identity, string? SubUserId)>> choose, ITaskReader api, int parallelism, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = _stop.Token };

        // On the thread pool: the caller goes on evaluating the manifests on its own thread meanwhile.
        _reading = Task.Run(() => Parallel.ForEachAsync(choose(), options, async (task, token) =>
            _reads[task.Identity] = (task.SubUserId, await api.ReadTaskAsync(task.Identity, task.SubUserId, token))), CancellationToken.None);
    }

    /// <summary>
    /// Starts reading the recorded tasks whose file <paramref name="snapshot"/> still holds, unless the file's text
    /// says <c>suspend</c> anywhere: a suspended task is left alone, never read (such a task, if not suspended after all,
    /// is read after planning as before).
    /// </summary>
    public static EarlyReads Start(IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied, SourceSnapshot snapshot, ITaskReader api, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(snapshot);
        return new EarlyReads(() => Choose(applied, snapshot), api, parallelism, cancellationToken);
    }

    private static List<(TaskIdentity, string?)> Choose(IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied, SourceSnapshot snapshot)
    {
        var files = new Dictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var file in snapshot.Files)
        {
            files.TryAdd(file.Path, file);
        }

        var mayRead = new Dictionary<string, bool>(StringComparer.Ordinal);
        var tasks = new List<(TaskIdentity, string?)>(applied.Count);
        foreach (var record in applied.Values)
        {
            if (!files.TryGetValue(record.SourceFile, out var file))
            {
                continue;
            }

            if (!mayRead.TryGetValue(file.Path, out var readable))
            {
                readable = mayRead[file.Path] = NotSuspended(file);
            }

            if (readable && SubUserId(record.Body.Utf8, out var subUserId))
            {
                tasks.Add((record.Identity, subUserId));
            }
        }

        return tasks;
    }

    /// <summary>Every early read, once all have ended: identity → the account read and what the read gave.</summary>
    public async Task<IReadOnlyDictionary<TaskIdentity, (string? SubUserId, RemoteTaskRead Read)>> FinishAsync()
    {
        await _reading;
        return _reads;
    }

    /// <summary>Stops reads still going (the plan failed or was cancelled) and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose: what the plan's own cancellation means is reported by the plan.
        }

        _stop.Dispose();
    }

    /// <summary>False when the file mentions <c>suspend</c> or cannot be read here (the evaluation reports why; the task is then read after planning, if at all).</summary>
    private static bool NotSuspended(ManifestFile file)
    {
        try
        {
            return file.Read().Span.IndexOf("suspend"u8) < 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The body's top-level <c>sub_user_id</c> (the account the manifest addressed); false when it is not a plain string or absent-or-null.</summary>
    private static bool SubUserId(ReadOnlySpan<byte> body, out string? subUserId)
    {
        subUserId = null;
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSubUser = reader.ValueTextEquals("sub_user_id"u8);
            reader.Read();
            if (isSubUser)
            {
                subUserId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
            }

            reader.Skip();
        }

        return true;
    }
}
