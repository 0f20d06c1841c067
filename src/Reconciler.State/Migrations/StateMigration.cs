namespace Reconciler.State.Migrations;

/// <summary>
/// One step of the schema: the SQL that takes a file from <c>Version - 1</c> to <paramref name="Version"/>.
/// Steps are never edited once released; a change is a new step, so every old file can be brought forward.
/// </summary>
/// <param name="Description">What the step does, for people reading the history.</param>
internal sealed record StateMigration(int Version, string Description, string Sql);
