using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>One output format of a plan. Renderers only read the plan; a new format never touches planning.</summary>
public interface IPlanRenderer
{
    string Render(Plan plan);

    /// <summary>
    /// Writes the rendering to <paramref name="output"/>. Renderers of unbounded output (text, json) write it
    /// as they go, so a plan of 100,000 tasks is never held as one string.
    /// </summary>
    void Render(Plan plan, TextWriter output) => output.Write(Render(plan));
}
