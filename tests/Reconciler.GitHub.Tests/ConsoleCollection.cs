using Xunit;

namespace Reconciler.GitHub.Tests;

/// <summary>Tests that capture Console output run alone, so another test's output cannot mix in.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
