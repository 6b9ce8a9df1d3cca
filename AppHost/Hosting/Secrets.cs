using System.Security.Cryptography;

namespace Medborgare.AppHost.Hosting;

public static class Secrets
{
    const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>A random password from a cryptographic generator, without characters that are hard to read.</summary>
    public static string NewPassword(int length = 20) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Reads a secret kept in the private state folder, or creates it (mode 0600).</summary>
    public static string ReadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = create();
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return value;
    }
}
