using System.Buffers.Binary;
using System.Text;
using LatentWorkbench.Tensors;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Training;

public sealed class SafeTensorsTests
{
    [Fact]
    public void Round_Trip_Is_Bit_Exact()
    {
        using var temp = new TempDirectory();
        var random = new TensorRandom(5);
        var tensors = new Dictionary<string, Tensor>
        {
            ["fc1.weight"] = Tensor.Randn(random, 7, 3),
            ["fc1.bias"] = Tensor.FromArray([float.Epsilon, -0f, float.MaxValue, float.NaN]),
            ["scalar"] = Tensor.Scalar(3.25f),
            ["conv.weight"] = Tensor.Randn(random, 2, 1, 3, 3),
        };
        string path = temp.File("model.safetensors");
        SafeTensors.Save(path, tensors);
        var loaded = SafeTensors.Load(path);
        Assert.Equal(tensors.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, tensor) in tensors)
        {
            Assert.Equal(tensor.Shape, loaded[name].Shape);
            Assert.Equal(
                tensor.ToArray().Select(BitConverter.SingleToInt32Bits),
                loaded[name].ToArray().Select(BitConverter.SingleToInt32Bits));
        }

        long headerLength = BinaryPrimitives.ReadInt64LittleEndian(File.ReadAllBytes(path));
        Assert.Equal(0, headerLength % 8);
    }

    [Fact]
    public void Hand_Built_Fixture_Following_The_Spec_Loads()
    {
        // Built byte by byte from the format description: u64 header size, JSON header, little-endian data.
        string header = "{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[16,20]},\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";
        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.GetBytes((ulong)Encoding.UTF8.GetByteCount(header)));
        bytes.AddRange(Encoding.UTF8.GetBytes(header));
        foreach (float v in new[] { 1f, -2f, 0.5f, 1024f })
        {
            bytes.AddRange(BitConverter.GetBytes(v));
        }

        bytes.AddRange(BitConverter.GetBytes((Half)1.5f));
        bytes.AddRange(BitConverter.GetBytes((Half)(-0.25f)));
        using var temp = new TempDirectory();
        string path = temp.File("fixture.safetensors");
        System.IO.File.WriteAllBytes(path, [.. bytes]);

        var loaded = SafeTensors.Load(path);
        Assert.Equal([2, 2], loaded["a"].Shape);
        Assert.Equal([1f, -2f, 0.5f, 1024f], loaded["a"].ToArray());
        Assert.Equal([1.5f, -0.25f], loaded["b"].ToArray());
    }

    [Theory]
    [InlineData("short", "fewer than the 8-byte header length")]
    [InlineData("huge_header", "exceeds the file size")]
    [InlineData("not_json", "not valid JSON")]
    [InlineData("missing_dtype", "needs \"dtype\"")]
    [InlineData("bad_dtype", "supported: F32")]
    [InlineData("wrong_size", "needs 16")]
    [InlineData("past_end", "ends at byte")]
    [InlineData("hole", "has a hole")]
    [InlineData("overlap", "overlaps")]
    [InlineData("trailing", "the data section has 20")]
    public void Malformed_Files_Are_Rejected_With_A_Message_Naming_The_Problem(string kind, string expected)
    {
        byte[] bytes = kind switch
        {
            "short" => [1, 2, 3],
            "huge_header" => [.. BitConverter.GetBytes(1000UL), .. "{}"u8],
            "not_json" => Build("{\"a\": [", 0),
            "missing_dtype" => Build("{\"a\":{\"shape\":[4],\"data_offsets\":[0,16]}}", 16),
            "bad_dtype" => Build("{\"a\":{\"dtype\":\"I8\",\"shape\":[4],\"data_offsets\":[0,4]}}", 4),
            "wrong_size" => Build("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,12]}}", 12),
            "past_end" => Build("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8),
            "hole" => Build("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
            "overlap" => Build("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
            _ => Build("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 20),
        };
        using var temp = new TempDirectory();
        string path = temp.File($"{kind}.safetensors");
        System.IO.File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_Replaces_The_File_Atomically_Leaving_No_Temp_Files()
    {
        using var temp = new TempDirectory();
        string path = temp.File("ckpt.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.Ones(3) });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.Full(2f, 3) });
        Assert.Equal([2f, 2f, 2f], SafeTensors.Load(path)["w"].ToArray());
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    private static byte[] Build(string header, int dataBytes) =>
        [.. BitConverter.GetBytes((ulong)Encoding.UTF8.GetByteCount(header)), .. Encoding.UTF8.GetBytes(header), .. new byte[dataBytes]];
}
