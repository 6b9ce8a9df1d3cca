namespace Medborgare.Web.Resources;

/// <summary>Marker for the UI texts in Texts.resx (Swedish, the default) and Texts.en.resx (English).</summary>
public sealed class Texts;
