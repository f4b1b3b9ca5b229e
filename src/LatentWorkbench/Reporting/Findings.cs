using System.Text;

namespace LatentWorkbench.Reporting;

/// <summary>
/// "What this run shows": sentences written in a cell from the numbers the cell has just measured, displayed as
/// markdown. A notebook's own markdown says what to look for; anything that states an outcome goes here instead, so
/// that it stays true after a rerun with other hyperparameters or seeds.
/// </summary>
/// <example><code>
/// new Findings()
///     .Compare("Test MSE at k = 30", "PCA", table["PCA", "test MSE"], "AE", table["AE", "test MSE"], higherIsBetter: false)
///     .Add($"The classifier reads {share:P1} of the samples as the requested digit.")
/// </code></example>
[TypeFormatterSource(typeof(FindingsFormatterSource), PreferredMimeTypes = [MarkdownMimeType, PlainTextMimeType])]
public sealed class Findings
{
    /// <summary>The mime type of the rendered sentences.</summary>
    public const string MarkdownMimeType = "text/markdown";

    private const string PlainTextMimeType = "text/plain";
    private readonly List<string> _sentences = [];

    /// <summary>Starts a list of findings under <paramref name="title"/>.</summary>
    public Findings(string title = "What this run shows")
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
    }

    /// <summary>The heading shown above the sentences.</summary>
    public string Title { get; }

    /// <summary>The sentences (markdown), in order.</summary>
    public IReadOnlyList<string> Sentences => _sentences;

    /// <summary>Adds one sentence (markdown), built by the caller from measured values.</summary>
    public Findings Add(string sentence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentence);
        _sentences.Add(sentence.Trim());
        return this;
    }

    /// <summary>Adds <paramref name="whenTrue"/> or <paramref name="whenFalse"/>, as a measured <paramref name="condition"/> says.</summary>
    public Findings Add(bool condition, string whenTrue, string whenFalse) => Add(condition ? whenTrue : whenFalse);

    /// <summary>
    /// Adds a sentence comparing two settings' spreads over seeds, which says whether the seeds tell them apart
    /// (<see cref="SeedSpread.DiffersFrom"/>), or that one seed cannot.
    /// </summary>
    /// <param name="what">The measurement, e.g. "Test MSE at k = 30".</param>
    /// <param name="nameA">The first setting's name.</param>
    /// <param name="a">Its values over seeds.</param>
    /// <param name="nameB">The second setting's name.</param>
    /// <param name="b">Its values over seeds.</param>
    /// <param name="higherIsBetter">True when a higher value is better (accuracy), false when lower is (error); null: neither.</param>
    /// <param name="digits">Digits after the point.</param>
    public Findings Compare(string what, string nameA, SeedSpread a, string nameB, SeedSpread b, bool? higherIsBetter = null, int digits = 4)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        string values = $"{what}: {nameA} {a.Format(digits)}, {nameB} {b.Format(digits)}";
        string order = a.Mean == b.Mean ? "the means are equal"
            : $"{(a.Mean > b.Mean ? nameA : nameB)} is higher{Better(a, nameA, b, nameB, higherIsBetter)}";
        string sentence = a.DiffersFrom(b) switch
        {
            true => $"{values} (mean ± s.d. over {Math.Min(a.Count, b.Count)} seeds). {Capitalise(order)}, by more than twice the standard error of the difference: the seeds tell them apart.",
            false => $"{values} (mean ± s.d. over {Math.Min(a.Count, b.Count)} seeds). {Capitalise(order)}, but by less than twice the standard error of the difference: these seeds do not tell them apart.",
            null => $"{values} (one seed). {Capitalise(order)}; with one seed the spread is unknown, so rerun with several seeds (e.g. `--set seeds=0,1,2`) before reading it as a result.",
        };
        return Add(sentence);
    }

    /// <summary>The title as a level-4 heading and one bullet per sentence.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder().Append("#### ").Append(Title).Append("\n\n");
        foreach (string sentence in _sentences)
        {
            text.Append("- ").Append(sentence.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The title and the sentences as plain lines.</summary>
    public override string ToString() => Title + ":\n" + string.Join("\n", _sentences.Select(s => "- " + s));

    private static string Better(SeedSpread a, string nameA, SeedSpread b, string nameB, bool? higherIsBetter) => higherIsBetter switch
    {
        null => string.Empty,
        true => " (higher is better)",
        false => $" (lower is better, so {(a.Mean < b.Mean ? nameA : nameB)} is ahead)",
    };

    // Only a Latin letter: a name such as "β = 4" keeps its own case.
    private static string Capitalise(string text) => text.Length > 0 && char.IsAsciiLetterLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
