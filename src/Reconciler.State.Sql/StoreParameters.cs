using System.Data;
using System.Data.Common;

namespace Reconciler.State.Sql;

/// <summary>
/// Binds a statement's parameters, each with its type, so a null is never left for the database to guess (PostgreSQL
/// refuses an untyped null). Names carry no prefix: the statements write <c>@name</c>, which both drivers accept.
/// </summary>
internal sealed class StoreParameters(DbCommand command, SqlDialect dialect)
{
    public bool Contains(string name) => command.Parameters.Contains(name);

    public StoreParameters Text(string name, string? value) => Add(name, value, DbType.String);

    public StoreParameters Integer(string name, int? value) => Add(name, value, DbType.Int32);

    public StoreParameters Long(string name, long? value) => Add(name, value, DbType.Int64);

    public StoreParameters Time(string name, DateTimeOffset? value)
    {
        if (value is not { } time)
        {
            return Add(name, null, dialect.Time(default).Type);
        }

        var (stored, type) = dialect.Time(time);
        return Add(name, stored, type);
    }

    public StoreParameters Flag(string name, bool value)
    {
        var (stored, type) = dialect.Flag(value);
        return Add(name, stored, type);
    }

    private StoreParameters Add(string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return this;
    }
}
