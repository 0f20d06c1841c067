using System.Runtime.InteropServices;

namespace Reconciler.Service.Loop;

/// <summary>
/// Gives glibc's free native memory back to the system (malloc_trim(3)): libgit2, SQLite and the runtime allocate
/// outside the collector's heap, and what they free stays in malloc's arenas, counted in RSS, until trimmed. Called after
/// the collection after a pass (<see cref="PassMemory"/>), which frees native memory too (finalized handles). Nothing
/// where the C library has no malloc_trim (musl): the call is skipped from then on.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Whether the C library has malloc_trim (false once a call found it missing).</summary>
    public static bool IsAvailable => !_unavailable;

    /// <summary>Returns whether memory was given back (malloc_trim's answer; false where it cannot run).</summary>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
