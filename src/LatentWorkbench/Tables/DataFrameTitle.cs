using System.Runtime.CompilerServices;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tables;

/// <summary>A caption for a table, kept beside the <see cref="DataFrame"/> (which has no place for one).</summary>
/// <remarks>
/// The title belongs to that frame instance only: an operation that returns a new frame (filter, sort, join)
/// returns it untitled. It is held weakly, so it never keeps a frame alive.
/// </remarks>
public static class DataFrameTitle
{
    private static readonly ConditionalWeakTable<DataFrame, string> Titles = [];

    /// <summary>Sets (or, with null, removes) the caption shown above <paramref name="frame"/>; returns the same frame.</summary>
    public static DataFrame WithTitle(this DataFrame frame, string? title)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (title is null)
        {
            Titles.Remove(frame);
        }
        else
        {
            Titles.AddOrUpdate(frame, title);
        }

        return frame;
    }

    /// <summary>The caption set with <see cref="WithTitle"/>, or null.</summary>
    public static string? GetTitle(this DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Titles.TryGetValue(frame, out string? title) ? title : null;
    }
}
