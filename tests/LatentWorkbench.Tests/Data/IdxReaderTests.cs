using System.Buffers.Binary;
using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Builds IDX bytes: magic, big-endian dimensions, then the elements.</summary>
    internal static byte[] Idx(int magic, int[] dimensions, byte[] elements)
    {
        var bytes = new byte[4 + (4 * dimensions.Length) + elements.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        elements.CopyTo(bytes, 4 + (4 * dimensions.Length));
        return bytes;
    }

    /// <summary>
    /// Loads the synthetic test split through the verified path, describing each file by its own size and
    /// SHA-256: verification passes, so the structural checks under test are the ones that run.
    /// </summary>
    private MnistSplit LoadWrittenTestSplit() =>
        Mnist.LoadSplit("test", _temp.Path, Described(MnistFile.TestImages.Name), Described(MnistFile.TestLabels.Name));

    private MnistFile Described(string name)
    {
        byte[] bytes = File.ReadAllBytes(_temp.File(name));
        return new MnistFile(name, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    private string Write(string name, byte[] bytes)
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Read_Returns_Dimensions_And_Elements_Of_A_Valid_Image_File()
    {
        var pixels = Enumerable.Range(0, 2 * 28 * 28).Select(i => (byte)(i % 256)).ToArray();
        string path = Write("images", Idx(IdxReader.ImageMagic, [2, 28, 28], pixels));

        var file = IdxReader.Read(path, IdxReader.ImageMagic);

        Assert.Equal([2, 28, 28], file.Dimensions);
        Assert.Equal(pixels, file.Elements);
    }

    [Fact]
    public void Read_Rejects_A_Wrong_Magic_Number_Naming_File_And_Values()
    {
        string path = Write("labels-as-images", Idx(IdxReader.LabelMagic, [3], [1, 2, 3]));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, IdxReader.ImageMagic));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("magic number is 0x00000801, expected 0x00000803", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Rejects_A_File_Shorter_Than_Its_Header()
    {
        var full = Idx(IdxReader.ImageMagic, [1, 28, 28], new byte[784]);
        string path = Write("short-header", full[..9]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, IdxReader.ImageMagic));

        Assert.Contains("shorter than its 16-byte header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Rejects_Truncated_Data()
    {
        var full = Idx(IdxReader.ImageMagic, [2, 28, 28], new byte[2 * 784]);
        string path = Write("truncated", full[..^100]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, IdxReader.ImageMagic));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Rejects_Padded_Data()
    {
        var padded = Idx(IdxReader.LabelMagic, [3], [1, 2, 3, 4]);
        string path = Write("padded", padded);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, IdxReader.LabelMagic));

        Assert.Contains("padded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Rejects_A_Tiny_File()
    {
        string path = Write("tiny", [0, 0]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, IdxReader.LabelMagic));

        Assert.Contains("shorter than the 4-byte IDX magic number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Of_A_Missing_File_Says_How_To_Fetch()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(_temp.File("absent"), IdxReader.LabelMagic));

        Assert.Contains("-- data fetch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSplit_Rejects_Labels_Outside_0_To_9()
    {
        Write(MnistFile.TestImages.Name, Idx(IdxReader.ImageMagic, [3, 28, 28], new byte[3 * 784]));
        Write(MnistFile.TestLabels.Name, Idx(IdxReader.LabelMagic, [3], [4, 10, 2]));

        var e = Assert.Throws<InvalidDataException>(() => LoadWrittenTestSplit());

        Assert.Contains(MnistFile.TestLabels.Name, e.Message, StringComparison.Ordinal);
        Assert.Contains("label 1 is 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSplit_Rejects_Image_And_Label_Counts_That_Disagree()
    {
        Write(MnistFile.TestImages.Name, Idx(IdxReader.ImageMagic, [3, 28, 28], new byte[3 * 784]));
        Write(MnistFile.TestLabels.Name, Idx(IdxReader.LabelMagic, [2], [4, 1]));

        var e = Assert.Throws<InvalidDataException>(() => LoadWrittenTestSplit());

        Assert.Contains("holds 3 images but", e.Message, StringComparison.Ordinal);
        Assert.Contains("holds 2 labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSplit_Rejects_Images_That_Are_Not_28_By_28()
    {
        Write(MnistFile.TestImages.Name, Idx(IdxReader.ImageMagic, [1, 27, 29], new byte[27 * 29]));
        Write(MnistFile.TestLabels.Name, Idx(IdxReader.LabelMagic, [1], [4]));

        var e = Assert.Throws<InvalidDataException>(() => LoadWrittenTestSplit());

        Assert.Contains("27×29", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSplit_Scales_Bytes_To_Unit_Interval_As_Byte_Over_255()
    {
        var pixels = new byte[784];
        pixels[0] = 255;
        pixels[1] = 128;
        Write(MnistFile.TestImages.Name, Idx(IdxReader.ImageMagic, [1, 28, 28], pixels));
        Write(MnistFile.TestLabels.Name, Idx(IdxReader.LabelMagic, [1], [7]));

        var split = LoadWrittenTestSplit();

        Assert.Equal(1f, split.Pixels[0]);
        Assert.Equal(128f / 255f, split.Pixels[1]);
        Assert.Equal(0f, split.Pixels[2]);
        Assert.Equal(7, split.Labels[0].item<long>());
        Assert.Equal([1L, 784L], split.Images.shape);
    }
}
