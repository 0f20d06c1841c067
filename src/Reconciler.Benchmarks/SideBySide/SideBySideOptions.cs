namespace Reconciler.Benchmarks.SideBySide;

/// <summary>What <c>side-by-side</c> runs: sizes, runs per tool, where the peers and our published CLI are.</summary>
/// <param name="Sizes">Manifest counts measured for time (1 measures start-up).</param>
/// <param name="MemorySizes">Manifest counts at which every plan format is measured for peak RSS.</param>
/// <param name="Runs">Measured runs per tool and size, after one warm-up run.</param>
/// <param name="Peers">The folder where <c>npm install</c> put the peers (holds <c>node_modules</c>).</param>
/// <param name="Reconciler">Our published <c>reconciler</c> executable.</param>
/// <param name="Schemas">The repository's <c>schemas/</c> folder.</param>
/// <param name="Work">Where generated corpora are kept between runs.</param>
/// <param name="SetSizes">Item counts at which one TaskSet (a CSV) is measured against the same tasks as plain manifests.</param>
/// <param name="Baseline">Another published <c>reconciler</c> (an older build) run in the same rounds, for a before → after that is interleaved.</param>
/// <param name="NativeValidate">The native <c>reconciler-validate</c> (src/Reconciler.Validate published with native AOT), measured as one more of ours.</param>
/// <param name="NativePlan">The native <c>reconciler-plan</c> (src/Reconciler.NativePlan published with native AOT): its plans against both states, and at the memory sizes.</param>
internal sealed record SideBySideOptions(
    IReadOnlyList<int> Sizes,
    IReadOnlyList<int> MemorySizes,
    int Runs,
    string Peers,
    string Reconciler,
    string Schemas,
    string Work,
    IReadOnlyList<int>? SetSizes = null,
    string? Baseline = null,
    string? NativeValidate = null,
    string? NativePlan = null);
