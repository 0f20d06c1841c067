using System.Globalization;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.TaskApi.Auth;
using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi;

/// <summary>
/// The task lists, page after page: until <c>meta</c> says the list is done (<c>last_page</c>, or <c>has_pages</c>
/// false), an empty page, or the query's page bound, which is reported (<see cref="TaskListRead.Truncated"/>), never
/// silent. A page the platform answers with another number, or that repeats tasks already listed, stops the listing
/// with a problem instead of going round in circles.
/// </summary>
public sealed partial class TaskApiClient
{
    public async Task<TaskListRead> ListTasksAsync(TaskListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.UserId);
        var lookup = _tokens.GetToken(query.UserId);
        if (lookup.Token is null)
        {
            return new TaskListRead([], lookup.Problem ?? "no token for this account") { Platform = PlatformFailures.NoToken(query.UserId, lookup.Problem) };
        }

        var listing = new TaskListing();
        for (var page = 1; ; page++)
        {
            if (page > query.MaxPages)
            {
                return listing.Result(null, page - 1) with { Truncated = true };
            }

            var read = await ReadListPageAsync(query, page, lookup, cancellationToken);
            var (tasks, meta, problem) = read;
            if (problem is not null)
            {
                return listing.Result($"page {page} of the task list could not be read: {problem}", page - 1) with { Platform = read.Platform };
            }

            if (meta?.CurrentPage is { } current && current != page)
            {
                return listing.Result(string.Create(CultureInfo.InvariantCulture, $"asked for page {page}, the platform answered page {current}"), page);
            }

            var added = listing.Add(tasks, meta);
            if (tasks.Count == 0 || (meta?.IsLast(page, listing.Count) ?? false))
            {
                return listing.Result(null, page);
            }

            if (added == 0)
            {
                return listing.Result($"page {page} repeats tasks of earlier pages: the platform seems to ignore the page number", page);
            }
        }
    }

    private async Task<TaskListPage> ReadListPageAsync(TaskListQuery query, int page, TokenLookup lookup, CancellationToken cancellationToken)
    {
        var token = lookup.Token!;
        var exchange = await ExchangeAsync(HttpMethod.Get, TaskApiPaths.List(query, page, TaskListQuery.PageSize), token, null, ReadLimits, cancellationToken);
        var answer = exchange.HttpStatus is >= 200 and < 300 ? ApiAnswer.TryParse(exchange.Text) : null;
        if (answer?.Code != TaskApiResult.SuccessCode)
        {
            var why = exchange.Failure
                ?? (answer is null
                    ? string.Create(CultureInfo.InvariantCulture, $"HTTP {exchange.HttpStatus}, {AnswerExcerpt.Of(exchange.Text, token.Redactor)}")
                    : string.Create(CultureInfo.InvariantCulture, $"HTTP {exchange.HttpStatus}, code {answer.Code?.ToString(CultureInfo.InvariantCulture) ?? "none"}"));
            return TaskListPage.Refused(token.Redactor.Redact(why) ?? "unreadable") with { Platform = _failures.Of(exchange, ApiCode(exchange), query.UserId, lookup.Source) };
        }

        var read = TaskListReader.Read(exchange.Text!);
        return read.Problem is null ? read : read with { Problem = token.Redactor.Redact(read.Problem) };
    }

    /// <summary>The tasks listed so far, each id once, in the platform's order.</summary>
    private sealed class TaskListing
    {
        private readonly List<ListedTask> _tasks = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private long? _total;

        public int Count => _tasks.Count;

        public int Add(IReadOnlyList<ListedTask> tasks, TaskListMeta? meta)
        {
            _total = meta?.Total ?? _total;
            var added = 0;
            foreach (var task in tasks.Where(t => _seen.Add(t.TaskId)))
            {
                _tasks.Add(task);
                added++;
            }

            return added;
        }

        public TaskListRead Result(string? problem, int pages) => new(_tasks.ToList(), problem) { PagesRead = pages, ReportedTotal = _total };
    }
}
