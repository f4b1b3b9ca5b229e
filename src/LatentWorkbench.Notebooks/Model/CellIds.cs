using System.Security.Cryptography;
using System.Text;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>nbformat 4.5 cell ids: 8 lower-case hex characters, derived from a seed so they are stable run to run.</summary>
public static class CellIds
{
    /// <summary>The first 8 hex characters of SHA-256(<paramref name="seed"/>).</summary>
    public static string FromSeed(string seed) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..8];

    /// <summary>Whether <paramref name="id"/> is 8 or more hex characters.</summary>
    public static bool IsHexId(string id) => id.Length >= 8 && id.All(Uri.IsHexDigit);
}
