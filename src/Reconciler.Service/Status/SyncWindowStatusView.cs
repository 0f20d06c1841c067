namespace Reconciler.Service.Status;

/// <summary>The sync windows and whether applying is allowed now.</summary>
/// <param name="PendingChanges">Changes were planned while closed and wait for the window to open.</param>
public sealed record SyncWindowStatusView(string Windows, string TimeZone, bool Open, DateTimeOffset NextOpening, bool PendingChanges);
