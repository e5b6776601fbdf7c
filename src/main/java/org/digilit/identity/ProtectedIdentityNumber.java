package org.digilit.identity;

/**
 * An identity number as the database keeps it: encrypted (AES-GCM, the key id stored beside it for rotation), a keyed
 * hash for uniqueness and lookup (blind index), and the last four characters for display.
 */
public record ProtectedIdentityNumber(String keyId, byte[] encrypted, byte[] blindIndex, String lastFour) {

    public ProtectedIdentityNumber {
        encrypted = encrypted.clone();
        blindIndex = blindIndex.clone();
    }

    @Override
    public byte[] encrypted() {
        return encrypted.clone();
    }

    @Override
    public byte[] blindIndex() {
        return blindIndex.clone();
    }

    @Override
    public String toString() {
        return "ProtectedIdentityNumber[key=" + keyId + ", last four=" + lastFour + "]";
    }
}
