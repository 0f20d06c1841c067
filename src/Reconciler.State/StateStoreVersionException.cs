using Reconciler.Core.State;

namespace Reconciler.State;

/// <summary>
/// The state file was written by a newer reconciler (its schema version is beyond what this build
/// knows). Refused rather than guessed at, so an older binary never corrupts a newer file.
/// </summary>
public sealed class StateStoreVersionException : StateStoreException
{
    public StateStoreVersionException(string path, int fileVersion, int supportedVersion)
        : base($"state store '{path}' has schema version {fileVersion}, but this reconciler understands " +
               $"versions up to {supportedVersion}: upgrade the reconciler to use this file")
    {
        FileVersion = fileVersion;
        SupportedVersion = supportedVersion;
    }

    public StateStoreVersionException(string message)
        : base(message)
    {
    }

    public StateStoreVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateStoreVersionException()
    {
    }

    /// <summary>The schema version found in the file (<c>PRAGMA user_version</c>).</summary>
    public int FileVersion { get; }

    /// <summary>The newest schema version this build can read and write.</summary>
    public int SupportedVersion { get; }
}
