namespace Reconciler.Core.Planning.Grouping;

/// <summary>How many of a group's tasks belong to one account (<c>user_id</c>).</summary>
public sealed record AccountCount(string UserId, int Count);
