package dev.hindsight.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys in the PEM files OpenSSL writes ({@code openssl genpkey -algorithm ed25519}: PKCS#8;
 * {@code openssl pkey -pubout}: X.509 SubjectPublicKeyInfo), and signatures with them. The JDK
 * signs and verifies; it cannot give a private key's public key, which is derived here as RFC 8032
 * says.
 */
public final class Keys {

  /** The DER of an Ed25519 SubjectPublicKeyInfo before its 32 key bytes. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Keys() {}

  /** Reads an Ed25519 private key (PKCS#8 PEM). */
  public static PrivateKey privateKey(Path pem) {
    byte[] der = pem(pem, "PRIVATE KEY");
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(pem + " is not an Ed25519 private key (PKCS#8 PEM)", e);
    }
  }

  /** Reads an Ed25519 public key (X.509 SubjectPublicKeyInfo PEM). */
  public static PublicKey publicKey(Path pem) {
    return publicKey(pem(pem, "PUBLIC KEY"), pem.toString());
  }

  /** An Ed25519 public key from its X.509 DER; {@code what} names it in an error. */
  public static PublicKey publicKey(byte[] der, String what) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not an Ed25519 public key", e);
    }
  }

  /** The public key of an Ed25519 private key (RFC 8032, 5.1.5). */
  public static PublicKey publicKeyOf(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
      throw new IllegalArgumentException("not an Ed25519 private key");
    }
    byte[] encoded = Curve.publicKey(ed.getBytes().get());
    byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(encoded, 0, der, SPKI_PREFIX.length, 32);
    return publicKey(der, "the derived key");
  }

  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
    }
  }

  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The base64 of a public key's X.509 DER, as a seal embeds it. */
  public static String encode(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  private static byte[] pem(Path file, String label) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          file + " is not a PEM file with a '" + label + "' (" + begin + " … " + end + ")");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": the PEM's base64 is damaged", e);
    }
  }

  /** Edwards25519 arithmetic, only what deriving a public key needs (RFC 8032's reference). */
  private static final class Curve {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger D =
        BigInteger.valueOf(-121665).multiply(inv(BigInteger.valueOf(121666))).mod(P);
    static final BigInteger[] G = base();

    static BigInteger inv(BigInteger x) {
      return x.modPow(P.subtract(BigInteger.TWO), P);
    }

    static BigInteger[] base() {
      BigInteger y = BigInteger.valueOf(4).multiply(inv(BigInteger.valueOf(5))).mod(P);
      BigInteger x2 =
          y.multiply(y)
              .subtract(BigInteger.ONE)
              .multiply(inv(D.multiply(y).multiply(y).add(BigInteger.ONE)))
              .mod(P);
      BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).divide(BigInteger.valueOf(8)), P);
      if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
        BigInteger sqrtM1 =
            BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(4)), P);
        x = x.multiply(sqrtM1).mod(P);
      }
      if (x.testBit(0)) {
        x = P.subtract(x);
      }
      return new BigInteger[] {x, y, BigInteger.ONE, x.multiply(y).mod(P)};
    }

    static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
      BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
      BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
      BigInteger c = BigInteger.TWO.multiply(p[3]).multiply(q[3]).multiply(D).mod(P);
      BigInteger d = BigInteger.TWO.multiply(p[2]).multiply(q[2]).mod(P);
      BigInteger e = b.subtract(a);
      BigInteger f = d.subtract(c);
      BigInteger g = d.add(c);
      BigInteger h = b.add(a);
      return new BigInteger[] {
        e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P)
      };
    }

    static byte[] publicKey(byte[] seed) {
      byte[] h;
      try {
        h = MessageDigest.getInstance("SHA-512").digest(seed);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-512 is part of every Java runtime", e);
      }
      byte[] low = Arrays.copyOf(h, 32);
      low[0] &= (byte) 248;
      low[31] &= 127;
      low[31] |= 64;
      BigInteger s = new BigInteger(1, reverse(low));
      BigInteger[] q = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
      BigInteger[] p = G;
      for (int i = 0; i < s.bitLength(); i++) {
        if (s.testBit(i)) {
          q = add(q, p);
        }
        p = add(p, p);
      }
      BigInteger zInv = inv(q[2]);
      BigInteger x = q[0].multiply(zInv).mod(P);
      BigInteger y = q[1].multiply(zInv).mod(P);
      if (x.testBit(0)) {
        y = y.setBit(255);
      }
      byte[] big = y.toByteArray();
      byte[] out = new byte[32];
      for (int i = 0; i < 32 && i < big.length; i++) {
        out[i] = big[big.length - 1 - i];
      }
      return out;
    }

    static byte[] reverse(byte[] b) {
      byte[] r = new byte[b.length];
      for (int i = 0; i < b.length; i++) {
        r[i] = b[b.length - 1 - i];
      }
      return r;
    }
  }
}
