using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Tests.TestUtilities;

/// <summary>Raw SQL against a SQLite file, behind the run store's back: to build old schemas and to look at what it wrote.</summary>
public static class SqliteFile
{
    /// <summary>Runs <paramref name="sql"/> (any number of statements) on the file at <paramref name="path"/>.</summary>
    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, as an integer.</summary>
    public static long Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
