namespace Reconciler.TaskApi.Http;

/// <summary>
/// A list answer's <c>meta</c>, each field null when missing. <c>has_pages</c> is true on page 1 of 31 in the vendor's
/// example, so it reads as "the list has more than one page", not "more pages follow" (our reading): the end is
/// <c>last_page</c>.
/// </summary>
internal sealed record TaskListMeta(bool? HasPages, long? Total, long? LastPage, long? CurrentPage, long? PerPage)
{
    /// <summary>Whether this page (number <paramref name="page"/>) is the last one, as far as <c>meta</c> tells; null when it does not.</summary>
    public bool? IsLast(int page, int seen) =>
        HasPages == false ? true
        : LastPage is { } last ? page >= last
        : Total is { } total ? seen >= total
        : null;
}
