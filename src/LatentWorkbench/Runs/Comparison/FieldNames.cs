namespace LatentWorkbench.Runs.Comparison;

/// <summary>Finds the field a user means by a short name, or says which fields there are.</summary>
/// <remarks>
/// A name matches, in this order: a field's full dotted name (<c>model.latent_size</c>); the last part of exactly one
/// field's name (<c>latent_size</c>); the start of the last part of exactly one field's name (<c>latent</c>). Case is
/// ignored; <c>-</c> counts as <c>_</c>, so command-line spellings (<c>latent-size</c>) match too.
/// </remarks>
internal static class FieldNames
{
    /// <summary>The field of <paramref name="fields"/> that <paramref name="given"/> names.</summary>
    /// <param name="given">What the user typed.</param>
    /// <param name="fields">The fields that exist.</param>
    /// <param name="kind">What a field is called in messages, e.g. <c>config field</c> or <c>metric</c>.</param>
    /// <param name="where">Where the fields come from, for messages, e.g. <c>the 3 completed runs of 'vae'</c>.</param>
    /// <exception cref="RunComparisonException">No field, or more than one, matches.</exception>
    public static string Resolve(string given, IReadOnlyList<string> fields, string kind, string where)
    {
        string wanted = Normalize(given);
        if (wanted.Length == 0)
        {
            throw new RunComparisonException($"A {kind} name is empty; the {kind}s of {where} are: {List(fields)}.");
        }

        foreach (Func<string, bool> matches in new Func<string, bool>[]
        {
            field => Normalize(field) == wanted,
            field => LastPart(field) == wanted,
            field => LastPart(field).StartsWith(wanted, StringComparison.Ordinal),
        })
        {
            var found = fields.Where(matches).ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            if (found.Count > 1)
            {
                throw new RunComparisonException($"'{given}' could be any of the {kind}s {List(found)} of {where}; give the full name.");
            }
        }

        throw new RunComparisonException(fields.Count == 0
            ? $"There is no {kind} '{given}': {where} have no {kind}s."
            : $"There is no {kind} '{given}' in {where}; the {kind}s are: {List(fields)}.");
    }

    /// <summary>The shortest readable name of <paramref name="field"/> among <paramref name="fields"/>: its last part when no other field ends the same way.</summary>
    public static string Short(string field, IReadOnlyCollection<string> fields)
    {
        string last = field[(field.LastIndexOf('.') + 1)..];
        return fields.Count(f => f[(f.LastIndexOf('.') + 1)..] == last) == 1 ? last : field;
    }

    private static string List(IEnumerable<string> fields) => string.Join(", ", fields);

    private static string Normalize(string name) => name.Trim().Replace('-', '_').ToLowerInvariant();

    private static string LastPart(string field)
    {
        string normalized = Normalize(field);
        return normalized[(normalized.LastIndexOf('.') + 1)..];
    }
}
