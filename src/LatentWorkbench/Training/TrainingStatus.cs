using System.Globalization;
using System.Net;
using System.Text;

namespace LatentWorkbench.Training;

/// <summary>
/// Where a training run stands: what a live progress display shows (as HTML in a notebook, as one line of text
/// elsewhere). <see cref="TrainingProgress"/> replaces it in place as training goes on.
/// </summary>
/// <param name="Title">What is training, e.g. <c>VAE 784-400-20</c>.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Step">The last finished step (its epoch and position), or null before the first.</param>
/// <param name="Elapsed">Wall time since training began.</param>
/// <param name="History">The finished epochs.</param>
/// <param name="Finished">True once training has stopped (all epochs, or stopped early).</param>
public sealed record TrainingStatus(string Title, int Epochs, StepReport? Step, TimeSpan Elapsed, IReadOnlyList<EpochReport> History, bool Finished)
{
    /// <summary>Fraction of the planned steps done, 0 … 1.</summary>
    public double Fraction => Finished ? 1 : Step is { } s ? ((s.Epoch - 1) + (double)s.Step / s.StepsPerEpoch) / Epochs : 0;

    /// <summary>Estimated time left from the pace so far; null before the first step or once finished.</summary>
    public TimeSpan? Remaining => Finished || Fraction <= 0 ? null : Elapsed * ((1 - Fraction) / Fraction);

    /// <summary>One line: title, epoch and step, elapsed and remaining time, the last epoch's loss.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Title).Append(": ");
        if (Finished)
        {
            text.Append(CultureInfo.InvariantCulture, $"done, {History.Count} epochs in {Seconds(Elapsed)}");
        }
        else if (Step is { } s)
        {
            text.Append(CultureInfo.InvariantCulture, $"epoch {s.Epoch}/{Epochs}, step {s.Step}/{s.StepsPerEpoch} · {Seconds(Elapsed)} elapsed");
            if (Remaining is { } left)
            {
                text.Append(CultureInfo.InvariantCulture, $" · ~{Seconds(left)} left");
            }
        }
        else
        {
            text.Append("starting");
        }

        if (History.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" · loss {History[^1].TrainLoss:0.####}");
        }

        return text.ToString();
    }

    /// <summary>A progress bar with the line of <see cref="ToString"/> above a table of the finished epochs (loss and each term per example).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"latentworkbench-training\" style=\"font-family:sans-serif;font-size:13px\">");
        html.Append("<div>").Append(WebUtility.HtmlEncode(ToString())).Append("</div>");
        html.Append(CultureInfo.InvariantCulture, $"<progress max=\"1\" value=\"{Fraction:0.####}\" style=\"width:320px\"></progress>");
        if (History.Count > 0)
        {
            var terms = History[^1].Terms.Keys.ToList();
            html.Append("<table style=\"border-collapse:collapse;margin-top:4px\"><tr><th style=\"padding:0 8px\">epoch</th><th style=\"padding:0 8px\">seconds</th><th style=\"padding:0 8px\">loss</th>");
            foreach (var term in terms)
            {
                html.Append("<th style=\"padding:0 8px\">").Append(WebUtility.HtmlEncode(term)).Append("</th>");
            }

            html.Append("</tr>");
            foreach (var epoch in History)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:0 8px\">{epoch.Epoch}</td><td style=\"padding:0 8px\">{epoch.Seconds:0.0}</td><td style=\"padding:0 8px\">{epoch.TrainLoss:0.####}</td>");
                foreach (var term in terms)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td style=\"padding:0 8px\">{epoch.Terms.GetValueOrDefault(term):0.####}</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
        }

        return html.Append("</div>").ToString();
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
