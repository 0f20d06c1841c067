namespace Reconciler.Files;

/// <summary>What a directory entry is, as <c>lstat</c> sees it (links are not followed).</summary>
public enum FileKind
{
    /// <summary>A plain file: the only kind whose content is ever read.</summary>
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A named pipe: opening it for reading blocks until a writer appears.</summary>
    Fifo,

    /// <summary>A character device (e.g. <c>/dev/zero</c>): reading it may never end.</summary>
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>Nothing at that path (deleted meanwhile, or a name that is not valid UTF-8, which .NET cannot spell back).</summary>
    Missing,

    /// <summary>The entry exists but its type could not be read (e.g. permission denied on the directory).</summary>
    Inaccessible,
}
