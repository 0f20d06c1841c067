namespace Reconciler.State.Postgres.Migrations;

/// <summary>One step of the PostgreSQL schema; never edited once released (a change is a new step).</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
