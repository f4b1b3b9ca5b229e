namespace LatentWorkbench.Metrics;

/// <summary>What <see cref="DistanceConcentration.Measure"/> found.</summary>
/// <param name="NearestToFarthest">The mean over queries of nearest / farthest distance (near 1: distances concentrate).</param>
/// <param name="NearestToFarthestSd">Its standard deviation over the queries.</param>
/// <param name="RelativeContrast">The mean of (farthest − nearest) / nearest (near 0: distances concentrate).</param>
/// <param name="Queries">How many query points.</param>
/// <param name="Dimensions">The points' dimension.</param>
public sealed record DistanceConcentrationResult(double NearestToFarthest, double NearestToFarthestSd, double RelativeContrast, int Queries, int Dimensions);
