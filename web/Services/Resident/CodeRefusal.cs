namespace Medborgare.Web.Services.Resident;

/// <summary>Why a code was refused, from the problem type Collection sends (<c>urn:medborgare:code-…</c>).</summary>
public enum CodeRefusal { None, Typo, Unknown, Used, SurveyClosed, Expired, Throttled }
