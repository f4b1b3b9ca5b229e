using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using LatentWorkbench.Metrics;
using LatentWorkbench.Models.Classifiers;
using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// The measurements of notebook 05 (latent arithmetic) over any <see cref="LatentCodec"/>: decoded interpolation paths
/// judged by the classifier and by their nearest training digits, attribute traversals with the attribute measured on
/// the decoded images, and thickness analogies. Each returns numbers and images; the notebook only shows them.
/// </summary>
public static class LatentArithmeticExperiment
{
    /// <summary><paramref name="count"/> pairs of row indices into <paramref name="labels"/> whose digits differ, drawn with a generator seeded <paramref name="seed"/>.</summary>
    public static IReadOnlyList<(long A, long B)> PairsOfDifferentDigits(torch.Tensor labels, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        long[] y = labels.cpu().to(torch.int64).data<long>().ToArray();
        if (y.Distinct().Count() < 2)
        {
            throw new ArgumentException("labels holds a single class; no pair of different digits exists.", nameof(labels));
        }

        var random = new Random((int)seed);
        var pairs = new List<(long, long)>(count);
        while (pairs.Count < count)
        {
            long a = random.NextInt64(y.Length), b = random.NextInt64(y.Length);
            if (y[a] != y[b])
            {
                pairs.Add((a, b));
            }
        }

        return pairs;
    }

    /// <summary>
    /// Encodes two images, walks between their codes with <paramref name="method"/> in <paramref name="steps"/> steps,
    /// decodes, and judges every decoded image: class probabilities, step distances, nearest training digit.
    /// </summary>
    /// <param name="codec">The model (AE, VAE; not conditional).</param>
    /// <param name="from">The first image, [input].</param>
    /// <param name="to">The second image, [input].</param>
    /// <param name="method">Lerp or slerp.</param>
    /// <param name="steps">Images on the path, both ends included.</param>
    /// <param name="classifier">The judge.</param>
    /// <param name="training">The training images the nearest neighbours come from, [N, input].</param>
    public static DecodedPath Interpolate(LatentCodec codec, torch.Tensor from, torch.Tensor to, InterpolationMethod method, int steps, ConvClassifier classifier, torch.Tensor training)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Interpolate(codec, [(from, to)], method, steps, classifier, training)[0];
    }

    /// <summary>
    /// <see cref="Interpolate(LatentCodec, torch.Tensor, torch.Tensor, InterpolationMethod, int, ConvClassifier, torch.Tensor)"/>
    /// for many pairs at once: every path is encoded, decoded, judged and searched against <paramref name="training"/> in
    /// one batch. The nearest-digit search reads all of the training images once per call, so one call for 30 pairs costs
    /// about what one pair did (notebook 05's comparison went from about 15 s to a few).
    /// </summary>
    /// <param name="codec">The model (AE, VAE; not conditional).</param>
    /// <param name="ends">Each path's first and last image, [input] each.</param>
    /// <param name="method">Lerp or slerp.</param>
    /// <param name="steps">Images on each path, both ends included.</param>
    /// <param name="classifier">The judge.</param>
    /// <param name="training">The training images the nearest neighbours come from, [N, input].</param>
    /// <returns>One path per pair of <paramref name="ends"/>, in order.</returns>
    public static IReadOnlyList<DecodedPath> Interpolate(
        LatentCodec codec, IReadOnlyList<(torch.Tensor From, torch.Tensor To)> ends, InterpolationMethod method, int steps, ConvClassifier classifier, torch.Tensor training)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(ends);
        if (ends.Count == 0)
        {
            return [];
        }

        using var scope = torch.NewDisposeScope();
        var codes = codec.Encode(torch.stack([.. ends.SelectMany(e => new[] { e.From.flatten(), e.To.flatten() })]));
        var t = Interpolation.Fractions(steps);
        var paths = torch.cat([.. Enumerable.Range(0, ends.Count).Select(i => method == InterpolationMethod.Slerp
            ? Interpolation.Slerp(codes[2 * i], codes[(2 * i) + 1], t)
            : Interpolation.Lerp(codes[2 * i], codes[(2 * i) + 1], t))]);
        var images = codec.Decode(paths);
        var probabilities = ClassifierPredictions.Probabilities(classifier, images).to(torch.float64).cpu();
        var (indices, distances) = NearestNeighbours.Find(images, training);
        var nearestDistances = distances.select(1, 0).to(torch.float64).cpu();
        var nearestIndices = indices.select(1, 0).to(torch.int64).cpu();
        string label = $"{codec.Name} {method.ToString().ToLowerInvariant()}";
        return [.. Enumerable.Range(0, ends.Count).Select(i =>
        {
            long first = (long)i * steps;
            var pathImages = images.narrow(0, first, steps);
            return new DecodedPath(
                label,
                pathImages.contiguous().MoveToOuterDisposeScope(),
                probabilities.narrow(0, first, steps).contiguous().MoveToOuterDisposeScope(),
                PathSmoothness.StepDistances(pathImages).MoveToOuterDisposeScope(),
                nearestDistances.narrow(0, first, steps).contiguous().MoveToOuterDisposeScope(),
                nearestIndices.narrow(0, first, steps).contiguous().MoveToOuterDisposeScope());
        })];
    }

    /// <summary>
    /// Walks each origin code along <paramref name="vector"/> (steps in units of the codes' spread along it), decodes,
    /// and measures the attribute on the decoded images with <paramref name="measure"/> ([M, input] → [M]).
    /// </summary>
    public static AttributeTraversal TraverseAttribute(LatentCodec codec, AttributeVector vector, torch.Tensor origins, IReadOnlyList<double> steps, Func<torch.Tensor, torch.Tensor> measure)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(measure);
        using var scope = torch.NewDisposeScope();
        long m = origins.shape[0];
        var direction = vector.Direction.to(origins.dtype).to(origins.device);
        var path = torch.cat([.. Enumerable.Range(0, (int)m).Select(i => Traversal.Along(origins[i], direction, steps, vector.ProjectionStd))], 0);
        var images = codec.Decode(path);
        var measured = measure(images).to(torch.float64).cpu().reshape(m, steps.Count).contiguous();
        double[][] rows = [.. TensorValues.Doubles(measured).Chunk(steps.Count)];
        return new AttributeTraversal(
            vector.Name,
            steps,
            images.MoveToOuterDisposeScope(),
            measured.MoveToOuterDisposeScope(),
            torch.tensor(rows.Select(v => Monotonicity.SpearmanAlongPath(v)).ToArray()).MoveToOuterDisposeScope(),
            torch.tensor(rows.Select(v => Monotonicity.FractionRisingSteps(v)).ToArray()).MoveToOuterDisposeScope());
    }

    /// <summary>
    /// For each class pair (p, q): a = the test digit p with the most ink, b = the one with the least, c = the q with the
    /// least; decodes a, b, c and a − b + c, and judges the result (classifier, ink against the decoded c).
    /// </summary>
    /// <remarks>Images are flattened <paramref name="imageSide"/>² pixels.</remarks>
    public static ThicknessAnalogies Analogies(LatentCodec codec, ConvClassifier classifier, torch.Tensor images, torch.Tensor labels, IReadOnlyList<(int P, int Q)> pairs, int imageSide = 28)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(pairs);
        using var scope = torch.NewDisposeScope();
        double[] ink = ImageAttributes.InkMass(images, imageSide).cpu().data<double>().ToArray();
        long[] y = labels.cpu().to(torch.int64).data<long>().ToArray();
        long Pick(int digit, bool most)
        {
            var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == digit).ToArray();
            if (rows.Length == 0)
            {
                throw new ArgumentException($"No image of digit {digit} among the {y.Length} given.", nameof(labels));
            }

            return most ? rows.MaxBy(i => ink[i]) : rows.MinBy(i => ink[i]);
        }

        var rowsOf = pairs.SelectMany(p => new[] { Pick(p.P, true), Pick(p.P, false), Pick(p.Q, false) }).ToArray();
        var codes = codec.Encode(images.index_select(0, torch.tensor(rowsOf, device: images.device))).view(pairs.Count, 3, -1);
        var results = LatentArithmetic.Analogy(codes.select(1, 0), codes.select(1, 1), codes.select(1, 2));   // [pairs, latent]
        var all = torch.cat([codes, results.unsqueeze(1)], 1).view(pairs.Count * 4, -1);                     // a, b, c, result per pair
        var decoded = codec.Decode(all);
        var decodedInk = ImageAttributes.InkMass(decoded, imageSide).view(pairs.Count, 4).cpu();
        var predicted = ClassifierPredictions.Predict(classifier, decoded.view(pairs.Count, 4, -1).select(1, 3)).to(torch.int64).cpu().contiguous();
        double[] gain = [.. Enumerable.Range(0, pairs.Count).Select(i => decodedInk[i, 3].item<double>() - decodedInk[i, 2].item<double>())];
        return new ThicknessAnalogies(decoded.MoveToOuterDisposeScope(), pairs, predicted.MoveToOuterDisposeScope(), torch.tensor(gain).MoveToOuterDisposeScope());
    }
}
