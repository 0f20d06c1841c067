using System.Collections;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Parts rendered when read, not before: a plan written without a length limit (<c>plan --format markdown</c>) of
/// 100,000 tasks is written part by part, never held as 100,000 strings.
/// </summary>
internal sealed class RenderedParts<T>(IReadOnlyList<T> items, Func<T, string> render) : IReadOnlyList<string>
{
    public int Count => items.Count;

    public string this[int index] => render(items[index]);

    public IEnumerator<string> GetEnumerator() => items.Select(render).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
