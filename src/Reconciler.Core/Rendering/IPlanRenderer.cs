using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>One output format of a plan. Renderers only read the plan; a new format never touches planning.</summary>
public interface IPlanRenderer
{
    string Render(Plan plan);
}
