using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Runs;

/// <summary>The history of the values notebook runs recorded (the <c>notebook_runs</c> and <c>recorded_values</c> tables).</summary>
public sealed partial class RunStore
{
    /// <summary>Records one notebook run's values, so they outlive the output folder's <c>metrics.json</c>, which each run replaces.</summary>
    /// <param name="notebook">The notebook's file name, e.g. <c>03-vae-training.ipynb</c>.</param>
    /// <param name="ranUtc">When the run started.</param>
    /// <param name="parametersJson">The parameters it overrode, as a JSON object (name → value).</param>
    /// <param name="valuesJson">The recorded values: name → the value as JSON text.</param>
    /// <param name="succeeded">False when a cell failed.</param>
    /// <param name="codeVersion">The code that ran it (default: <see cref="CodeVersion.Current"/>).</param>
    /// <returns>The notebook run as stored.</returns>
    /// <exception cref="ArgumentException">A blank notebook or value name, parameters that are not a JSON object, or a value that is not JSON.</exception>
    public NotebookRunRecord RecordNotebookRun(string notebook, DateTime ranUtc, string parametersJson,
        IReadOnlyDictionary<string, string> valuesJson, bool succeeded, string? codeVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebook);
        ArgumentNullException.ThrowIfNull(parametersJson);
        ArgumentNullException.ThrowIfNull(valuesJson);
        if (ParseJson(parametersJson, "parameters").ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The parameters of a notebook run are a JSON object (name → value); got {parametersJson}.", nameof(parametersJson));
        }

        foreach (var (name, json) in valuesJson)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Recorded value names must not be blank.", nameof(valuesJson));
            }

            ParseJson(json, $"recorded value '{name}'");
        }

        long id = Execute(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var insertRun = connection.CreateCommand();
            insertRun.CommandText = """
                INSERT INTO notebook_runs (notebook, ran_utc, parameters_json, code_version, succeeded)
                VALUES ($notebook, $ran, $parameters, $code, $succeeded) RETURNING id;
                """;
            insertRun.Parameters.AddWithValue("$notebook", notebook);
            insertRun.Parameters.AddWithValue("$ran", RunRows.FormatTime(ranUtc));
            insertRun.Parameters.AddWithValue("$parameters", parametersJson);
            insertRun.Parameters.AddWithValue("$code", codeVersion ?? CodeVersion.Current);
            insertRun.Parameters.AddWithValue("$succeeded", succeeded ? 1 : 0);
            long runId = (long)insertRun.ExecuteScalar()!;

            using var insertValue = connection.CreateCommand();
            insertValue.CommandText = "INSERT INTO recorded_values (notebook_run_id, name, value_json) VALUES ($run, $name, $value);";
            insertValue.Parameters.AddWithValue("$run", runId);
            var name = insertValue.Parameters.Add("$name", SqliteType.Text);
            var value = insertValue.Parameters.Add("$value", SqliteType.Text);
            foreach (var (key, json) in valuesJson)
            {
                name.Value = key;
                value.Value = json;
                insertValue.ExecuteNonQuery();
            }

            transaction.Commit();
            return runId;
        });
        return ReadNotebookRuns(notebook: null, id).Single();
    }

    /// <summary>Every recorded notebook run, oldest first; only those of <paramref name="notebook"/> (a file name) when given.</summary>
    public IReadOnlyList<NotebookRunRecord> ListNotebookRuns(string? notebook = null) => ReadNotebookRuns(notebook, id: null);

    private List<NotebookRunRecord> ReadNotebookRuns(string? notebook, long? id) => Execute(connection =>
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        string where = (notebook, id) switch
        {
            (not null, _) => " WHERE r.notebook = $notebook",
            (_, not null) => " WHERE r.id = $id",
            _ => "",
        };
        var values = new Dictionary<long, SortedDictionary<string, JsonElement>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT v.notebook_run_id, v.name, v.value_json FROM recorded_values v JOIN notebook_runs r ON r.id = v.notebook_run_id" + where + ";";
            Bind(command, notebook, id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                long runId = reader.GetInt64(0);
                if (!values.TryGetValue(runId, out var byName))
                {
                    values[runId] = byName = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
                }

                byName[reader.GetString(1)] = ParseJson(reader.GetString(2), "recorded value");
            }
        }

        var runs = new List<NotebookRunRecord>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT r.id, r.notebook, r.ran_utc, r.parameters_json, r.code_version, r.succeeded FROM notebook_runs r" + where + " ORDER BY r.id;";
            Bind(command, notebook, id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                long runId = reader.GetInt64(0);
                var parameters = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in ParseJson(reader.GetString(3), "parameters").EnumerateObject())
                {
                    parameters[property.Name] = property.Value.Clone();
                }

                runs.Add(new NotebookRunRecord(
                    Id: runId,
                    Notebook: reader.GetString(1),
                    RanUtc: DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime(),
                    Parameters: parameters,
                    CodeVersion: reader.GetString(4),
                    Succeeded: reader.GetInt64(5) != 0,
                    Values: values.TryGetValue(runId, out var recorded) ? recorded : new SortedDictionary<string, JsonElement>(StringComparer.Ordinal)));
            }
        }

        transaction.Commit();
        return runs;
    });

    private static void Bind(SqliteCommand command, string? notebook, long? id)
    {
        if (notebook is not null)
        {
            command.Parameters.AddWithValue("$notebook", notebook);
        }

        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id.Value);
        }
    }

    private static JsonElement ParseJson(string json, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The {what} is not JSON ({e.Message}): {json}", nameof(json), e);
        }
    }
}
