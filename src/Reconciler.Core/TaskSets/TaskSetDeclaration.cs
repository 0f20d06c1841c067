using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.TaskSets;

/// <summary>A TaskSet's name and where it is declared (the name must be unique in the repository).</summary>
public sealed record TaskSetDeclaration(string Name, SourceLocation Location);
