"""Reference values for tests/unit/scoring/ab/*.test.ts, computed independently of the TypeScript code.

Run: python3 tests/unit/scoring/ab/reference_values.py  (python 3.11, numpy 2.4, scipy 1.17)
"""
import math

import numpy as np
from scipy import optimize, stats

z = stats.norm.ppf(0.975)


def wilson(k, n):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0, centre - half), min(1, centre + half)


def newcombe(k1, n1, k2, n2):
    """Newcombe (1998) method 10 for p1 - p2."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    d = p1 - p2
    return d, d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


print("newcombe 56/70 - 48/80", newcombe(56, 70, 48, 80))
print("newcombe 9/10 - 3/10", newcombe(9, 10, 3, 10))

x = np.array([4, 5, 3, 5, 4, 2, 5, 4], float)
y = np.array([3, 2, 4, 3, 1, 3, 2, 4, 3, 2], float)
r = stats.ttest_ind(x, y, equal_var=False)
print("welch", x.mean() - y.mean(), r.confidence_interval(0.95), "df", r.df)


def cr1(values, users):
    values = np.asarray(values, float)
    n = len(values)
    m = values.mean()
    groups = {}
    for v, u in zip(values, users):
        groups.setdefault(u, []).append(v)
    c = len(groups)
    resid = sum((sum(g) - len(g) * m) ** 2 for g in groups.values())
    return m, c / (c - 1) * resid / n**2, c


bool_values = [1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0]
bool_users = ["u1", "u1", "u1", "u1", "u2", "u2", "u2", "u3", "u3", "u3", "u4", "u5"]
m, v, c = cr1(bool_values, bool_users)
plain = np.var(bool_values, ddof=1) / len(bool_values)
deff = max(1, v / plain)
neff = len(bool_values) / deff
print("clustered bool: mean", m, "var", v, "plain", plain, "deff", deff, "neff", neff, "wilson(neff)", wilson(m * neff, neff))

scalar_values = [4, 5, 2, 3, 5, 5, 1, 2, 4, 4]
scalar_users = ["a", "a", "b", "b", "c", "c", "c", "d", "e", "e"]
m, v, c = cr1(scalar_values, scalar_users)
t = stats.t.ppf(0.975, c - 1)
print("clustered scalar: mean", m, "se", math.sqrt(v), "ci", (m - t * math.sqrt(v), m + t * math.sqrt(v)))


def cs_half(variance, n, alpha, n_star):
    """Waudby-Smith et al. (2023), arXiv:2103.06476: optimal rho for t* and the asymptotic CS half-width."""
    rho2 = (-2 * math.log(alpha) + math.log(-2 * math.log(alpha) + 1)) / n_star
    return math.sqrt(variance * n) * math.sqrt(2 * (n * rho2 + 1) / (n * n * rho2) * math.log(math.sqrt(n * rho2 + 1) / alpha))


# bool arms 560/1000 vs 500/1000, variance = Σ s²/n (ddof 1)
pt, pc = 0.56, 0.5
vt = pt * (1 - pt) * 1000 / 999 / 1000
vc = pc * (1 - pc) * 1000 / 999 / 1000
print("cs 560/1000 vs 500/1000, N*=5000:", pt - pc, cs_half(vt + vc, 2000, 0.05, 5000))
print("cs same, N*=2000:", cs_half(vt + vc, 2000, 0.05, 2000))

print("chisquare [510, 490] vs 50/50", stats.chisquare([510, 490]))
print("chisquare [1150, 1000, 850] vs 1/3", stats.chisquare([1150, 1000, 850]))
print("chisquare [300, 700] vs 0.25/0.75", stats.chisquare([300, 700], [250, 750]))

# Bradley-Terry: wins[i][j] = i preferred over j; ties[i][j] count half to each side.
wins = np.array([[0, 7, 9], [3, 0, 6], [1, 4, 0]], float)
ties = np.array([[0, 2, 0], [2, 0, 2], [0, 2, 0]], float)


def nll(beta_free):
    beta = np.append(beta_free, 0.0)
    total = 0.0
    for i in range(3):
        for j in range(3):
            if i == j:
                continue
            w = wins[i, j] + ties[i, j] / 2
            total -= w * (beta[i] - np.logaddexp(beta[i], beta[j]))
    return total


res = optimize.minimize(nll, np.zeros(2), method="BFGS", options={"gtol": 1e-10})
beta = np.append(res.x, 0.0)
beta -= beta.mean()
print("bradley-terry beta (centred)", beta.tolist(), "elo", (1000 + 400 * beta / math.log(10)).tolist())
