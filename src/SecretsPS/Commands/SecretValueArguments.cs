using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Numerics;
using System.Security;

namespace SecretsPS.Commands;

/// <summary>
/// Argument transformations for the value parameters. Left to itself, PowerShell would stringify any object given
/// to a [string] (a SecureString becomes the text "System.Security.SecureString") and its conversion errors quote
/// the argument, which here is a secret. These accept only the forms that keep the value intact and, for anything
/// else, fail with a message that names the argument's type, never its content.
/// </summary>
internal static class SecretValueArguments
{
    /// <summary>The argument without its PSObject wrapper (null stays null).</summary>
    public static object? Unwrap(object? inputData) => inputData is PSObject psObject ? psObject.BaseObject : inputData;

    public static string TypeName(object value) => value is PSCustomObject ? "PSCustomObject" : value.GetType().FullName ?? value.GetType().Name;

    public static bool IsIntegral(object value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or BigInteger;

    public static bool IsJsonObject(object value) => value is IDictionary or PSCustomObject;
}

/// <summary>-SecretString: a string, or a number or character typed on the command line (kept as typed).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecretStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = SecretValueArguments.Unwrap(inputData);
        switch (value)
        {
            case null:
                return null;
            case string:
                return value;
            case char:
            case float or double or decimal:
            case var _ when SecretValueArguments.IsIntegral(value):
                // `-SecretString 007` arrives as a wrapped 7 that remembers its token text; PowerShell's own
                // conversion to string restores "007", so hand the wrapper back rather than the number.
                return inputData;
            case SecureString:
                throw new ArgumentTransformationMetadataException("-SecretString takes a string; for a SecureString use -SecureString.");
            case byte[]:
                throw new ArgumentTransformationMetadataException("-SecretString takes a string, not a System.Byte[]; for a binary value use -SecretBinary.");
            case var _ when SecretValueArguments.IsJsonObject(value):
                throw new ArgumentTransformationMetadataException(
                    $"-SecretString takes a string, not a {SecretValueArguments.TypeName(value)}; to store it as a JSON object use -SecretValue.");
            default:
                throw new ArgumentTransformationMetadataException($"-SecretString takes a string, not a {SecretValueArguments.TypeName(value)}.");
        }
    }
}

/// <summary>-SecretBinary: a byte[], or a collection of bytes (e.g. 1,2,3 or Get-Content -AsByteStream).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecretBinaryTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = SecretValueArguments.Unwrap(inputData);
        switch (value)
        {
            case null:
                return null;
            case byte[]:
                return value;
            case string:
                throw new ArgumentTransformationMetadataException(
                    "-SecretBinary takes a byte[], not a string; for base64 text use [Convert]::FromBase64String(...), for a text value use -SecretString.");
            case SecureString:
                throw new ArgumentTransformationMetadataException("-SecretBinary takes a byte[], not a SecureString; for a SecureString use -SecureString.");
            case IDictionary:
                throw new ArgumentTransformationMetadataException($"-SecretBinary takes a byte[], not a {SecretValueArguments.TypeName(value)}.");
            case IEnumerable items:
                var bytes = new List<byte>();
                foreach (var item in items)
                {
                    bytes.Add(ToByte(SecretValueArguments.Unwrap(item), bytes.Count));
                }

                return bytes.ToArray();
            default:
                // A single number is a one-byte value, as PowerShell's own conversion to byte[] has it.
                return new[] { ToByte(value, 0) };
        }
    }

    private static byte ToByte(object? item, int index)
    {
        switch (item)
        {
            case byte b:
                return b;
            case var _ when item is not null && SecretValueArguments.IsIntegral(item):
                var number = item is BigInteger big ? big : new BigInteger(Convert.ToDecimal(item, System.Globalization.CultureInfo.InvariantCulture));
                if (number < byte.MinValue || number > byte.MaxValue)
                {
                    // The position only: the number itself is part of the secret.
                    throw new ArgumentTransformationMetadataException($"-SecretBinary takes a byte[]; element {index} is outside the byte range 0-255.");
                }

                return (byte)number;
            default:
                var type = item is null ? "null" : SecretValueArguments.TypeName(item);
                throw new ArgumentTransformationMetadataException($"-SecretBinary takes a byte[]; element {index} is a {type}, not a byte.");
        }
    }
}

/// <summary>
/// -SecretValue: a dictionary (hashtable, [ordered], ConvertFrom-Json -AsHashtable) kept as given, so its key order
/// survives, or a PSCustomObject (ConvertFrom-Json), turned into an ordered dictionary of its properties.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecretValueTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = SecretValueArguments.Unwrap(inputData);
        switch (value)
        {
            case null:
                return null;
            case IDictionary:
                return value;
            case PSCustomObject:
                var properties = new OrderedDictionary(StringComparer.Ordinal);
                foreach (var property in PSObject.AsPSObject(inputData!).Properties)
                {
                    object? propertyValue;
                    try
                    {
                        propertyValue = property.Value;
                    }
                    catch (GetValueException)
                    {
                        // Its message may quote other members; name the property only.
                        throw new ArgumentTransformationMetadataException($"-SecretValue could not read property '{property.Name}' of the object.");
                    }

                    properties[property.Name] = propertyValue;
                }

                return properties;
            case string:
                throw new ArgumentTransformationMetadataException(
                    "-SecretValue takes a hashtable or a PSCustomObject, not a string; for JSON text use -SecretString, or ConvertFrom-Json first.");
            default:
                throw new ArgumentTransformationMetadataException(
                    $"-SecretValue takes a hashtable or a PSCustomObject, not a {SecretValueArguments.TypeName(value)}.");
        }
    }
}
