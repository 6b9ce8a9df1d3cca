using System.Text.Json.Serialization;

namespace Medborgare.ApiContracts.Distribution;

// The survey's sample (/api/surveys/{id}/sample): stratified by district, reproducible from its seed.

[JsonConverter(typeof(JsonStringEnumConverter<SampleAllocation>))]
public enum SampleAllocation
{
    /// <summary>n_h proportional to N_h, with a total n.</summary>
    Proportional,
    /// <summary>The same n in every stratum, capped at N_h.</summary>
    FixedPerStratum,
}

/// <summary>Without a seed Distribution draws one, and records it.</summary>
public sealed record DrawSampleRequest(SampleAllocation? Allocation, int? Size, long? Seed);

public sealed record SampleDto(long Seed, SampleAllocation Allocation, int Size, int FrameSize, int SampleSize, DateTimeOffset DrawnAt,
    IReadOnlyList<DistrictSample> Districts);

public sealed record DistrictSample(string District, int Population, int Sampled);
