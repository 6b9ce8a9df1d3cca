using Npgsql;

namespace Medborgare.ServiceDefaults;

/// <summary>Failures that say nothing about the request or message itself, only that the database is away or busy.</summary>
public static class TransientFailure
{
    /// <summary>
    /// A transient Npgsql failure anywhere in the chain (EF wraps it, its retry strategy wraps it again): the server is
    /// unreachable or restarting, or the statement lost a deadlock or a serialisation conflict. Trying again later can succeed.
    /// </summary>
    public static bool IsDatabase(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }
}
