using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Medborgare.AppHost;

public static class StateSecretsExtensions
{
    const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>
    /// A secret parameter whose value lives beside the data it protects: a file of mode 0600 in the state folder, made on the first
    /// start. The local servers' data folders were made with these passwords, so the two must stay together (deleting the state
    /// folder starts afresh with new ones). A value given in configuration (<c>Parameters:{name}</c>) wins, as for any parameter.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddStateSecret(this IDistributedApplicationBuilder builder, string name, string stateDirectory)
    {
        var key = $"Parameters:{name}";
        if (string.IsNullOrEmpty(builder.Configuration[key]))
        {
            var path = Path.Combine(stateDirectory, name);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(stateDirectory);
                File.WriteAllText(path, "");
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.WriteAllText(path, RandomNumberGenerator.GetString(Alphabet, 24));
            }
            builder.Configuration[key] = File.ReadAllText(path).Trim();
        }
        return builder.AddParameter(name, secret: true);
    }

    /// <summary>A secret parameter made afresh on every run and kept nowhere: the staff tokens' signing key, the first administrator's password.</summary>
    public static IResourceBuilder<ParameterResource> AddRunSecret(this IDistributedApplicationBuilder builder, string name, int length) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = length, Special = false, MinLower = 1, MinUpper = 1, MinNumeric = 1 }, secret: true);
}
