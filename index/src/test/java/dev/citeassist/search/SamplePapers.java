package dev.citeassist.search;

import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import java.util.Arrays;
import java.util.List;

/**
 * A few dozen hand-made papers (real titles and authors) chosen to exercise the ranking: several
 * "symm…" and "sym…" titles, an author named Sym…, Zdeborová and Dereziński with their accents,
 * many Liao papers around 2021, other 2021 papers, a paper without a year.
 */
final class SamplePapers {

  static final String SOURCE = "sample.bib";

  private SamplePapers() {}

  static List<Paper> all() {
    return List.of(
        paper(
            "ziyin2024remove",
            2024,
            "Remove Symmetries to Control Model Expressivity and Improve Optimization",
            "Liu Ziyin",
            "Yizhou Xu",
            "Isaac Chuang"),
        paper(
            "ziyin2025parameter",
            2025,
            "Parameter Symmetry Potentially Unifies Deep Learning Theory",
            "Liu Ziyin",
            "Yizhou Xu",
            "Tomaso Poggio"),
        paper(
            "kim2023regularizing",
            2023,
            "Regularizing Towards Soft Equivariance Under Mixed Symmetries",
            "Hyunsu Kim",
            "Hyungi Lee",
            "Hongseok Yang",
            "Juho Lee"),
        paper(
            "kamienny2022endtoend",
            2022,
            "End-to-end Symbolic Regression with Transformers",
            "Pierre-Alexandre Kamienny",
            "Stéphane d'Ascoli",
            "Guillaume Lample",
            "François Charton"),
        paper(
            "symeonidis2019kalman",
            2019,
            "Kalman Filtering for Tracking with Unknown Noise Statistics",
            "Panagiotis Symeonidis",
            "Anna Meyer"),
        paper(
                "papyan2020prevalence",
                2020,
                "Prevalence of Neural Collapse During the Terminal Phase of Deep Learning Training",
                "Vardan Papyan",
                "X. Y. Han",
                "David L. Donoho")
            .toBuilder()
            .venue("Proceedings of the National Academy of Sciences")
            .abstractText(
                "The last-layer features collapse to their class means, which form a symmetric"
                    + " simplex equiangular tight frame.")
            .build(),
        paper(
                "ulyanov2018deep",
                2018,
                "Deep Image Prior",
                "Dmitry Ulyanov",
                "Andrea Vedaldi",
                "Victor Lempitsky")
            .toBuilder()
            .abstractText(
                "A randomly initialized network can be used as a handcrafted prior to remove noise"
                    + " and restore images.")
            .build(),
        paper(
                "spielman2004smoothed",
                2004,
                "Smoothed Analysis of Algorithms: Why the Simplex Algorithm Usually Takes"
                    + " Polynomial Time",
                "Daniel A. Spielman",
                "Shang-Hua Teng")
            .toBuilder()
            .venue("Proceedings of the ACM Symposium on Theory of Computing")
            .build(),
        paper(
                "xu2025fundamental",
                2025,
                "Fundamental Limits of Matrix Sensing: Exact Asymptotics, Universality, and"
                    + " Applications",
                "Yizhou Xu",
                "Antoine Maillard",
                "Lenka Zdeborová")
            .toBuilder()
            .arxivId("2502.07341")
            .build(),
        paper(
            "xu2025learning",
            2025,
            "Learning with Restricted Boltzmann Machines: Asymptotics of AMP and GD in High"
                + " Dimensions",
            "Yizhou Xu",
            "Florent Krzakala",
            "Lenka Zdeborová"),
        paper(
                "zdeborova2016statistical",
                2016,
                "Statistical Physics of Inference: Thresholds and Algorithms",
                "Lenka Zdeborová",
                "Florent Krzakala")
            .toBuilder()
            .venue("Advances in Physics")
            .doi("10.1080/00018732.2016.1211393")
            .build(),
        paper(
            "krzakala2012statistical",
            2012,
            "Statistical-Physics-Based Reconstruction in Compressed Sensing",
            "Florent Krzakala",
            "Marc Mézard",
            "François Sausset",
            "Yifan Sun",
            "Lenka Zdeborová"),
        paper(
            "maillard2020phase",
            2020,
            "Phase Retrieval in High Dimensions: Statistical and Computational Phase Transitions",
            "Antoine Maillard",
            "Bruno Loureiro",
            "Florent Krzakala",
            "Lenka Zdeborová"),
        paper(
            "liao2021hessian",
            2021,
            "Hessian Eigenspectra of More Realistic Nonlinear Models",
            "Zhenyu Liao",
            "Michael W. Mahoney"),
        paper(
            "ali2021random",
            2021,
            "Random Matrices in Service of ML Footprint: Ternary Random Features with No"
                + " Performance Loss",
            "Hafiz Tiomoko Ali",
            "Zhenyu Liao",
            "Romain Couillet"),
        paper(
            "li2021offpolicy",
            2021,
            "Off-policy Reinforcement Learning with Optimistic Exploration and Distribution"
                + " Correction",
            "Jiachen Li",
            "Shuo Cheng",
            "Zhenyu Liao",
            "Tongzhou Mu"),
        paper(
            "liao2020random",
            2020,
            "A Random Matrix Analysis of Random Fourier Features: Beyond the Gaussian Kernel, a"
                + " Precise Phase Transition, and the Corresponding Double Descent",
            "Zhenyu Liao",
            "Romain Couillet",
            "Michael W. Mahoney"),
        paper(
            "liao2025random",
            2025,
            "Random Matrix Theory for Deep Learning: Beyond Eigenvalues of Linear Models",
            "Zhenyu Liao",
            "Michael W. Mahoney"),
        paper(
            "liao2018dynamics",
            2018,
            "The Dynamics of Learning: A Random Matrix Approach",
            "Zhenyu Liao",
            "Romain Couillet"),
        paper(
            "derezinski2020precise",
            2020,
            "Precise Expressions for Random Projections: Low-Rank Approximation and Randomized"
                + " Newton",
            "Michał Dereziński",
            "Feynman Liang",
            "Zhenyu Liao",
            "Michael W. Mahoney"),
        paper(
            "derezinski2020sparse",
            2020,
            "Sparse Sketches with Small Inversion Bias",
            "Michał Dereziński",
            "Zhenyu Liao",
            "Edgar Dobriban",
            "Michael W. Mahoney"),
        paper(
                "niu2025debiasing",
                null,
                "Debiasing Random Oblique Projections for Subsampled OLS and Fast CUR in High"
                    + " Dimensions",
                "Chengmei Niu",
                "Sachin Garg",
                "Michał Dereziński")
            .toBuilder()
            .arxivId("2408.15495")
            .build(),
        paper(
                "song2021denoising",
                2021,
                "Denoising Diffusion Implicit Models",
                "Jiaming Song",
                "Chenlin Meng",
                "Stefano Ermon")
            .toBuilder()
            .venue("International Conference on Learning Representations")
            .build(),
        paper(
            "radford2021learning",
            2021,
            "Learning Transferable Visual Models From Natural Language Supervision",
            "Alec Radford",
            "Jong Wook Kim",
            "Chris Hallacy"),
        paper(
            "mei2022generalization",
            2022,
            "The Generalization Error of Random Features Regression: Precise Asymptotics and the"
                + " Double Descent Curve",
            "Song Mei",
            "Andrea Montanari"),
        paper(
                "vaswani2017attention",
                2017,
                "Attention Is All You Need",
                "Ashish Vaswani",
                "Noam Shazeer",
                "Niki Parmar")
            .toBuilder()
            .venue("Advances in Neural Information Processing Systems")
            .build(),
        paper(
            "he2016deep",
            2016,
            "Deep Residual Learning for Image Recognition",
            "Kaiming He",
            "Xiangyu Zhang",
            "Shaoqing Ren",
            "Jian Sun"),
        paper(
            "vonneumann1932mathematische",
            1932,
            "Mathematische Grundlagen der Quantenmechanik",
            "John von Neumann"),
        paper("erdos1959random", 1959, "On Random Graphs I", "Paul Erdős", "Alfréd Rényi"),
        paper(
            "liang2020just",
            2020,
            "Just Interpolate: Kernel Ridgeless Regression Can Generalize",
            "Tengyuan Liang",
            "Alexander Rakhlin"));
  }

  static Paper paper(String key, Integer year, String title, String... authors) {
    return Paper.builder()
        .key(key)
        .type("article")
        .year(year)
        .title(title)
        .authors(Arrays.stream(authors).map(Person::parse).toList())
        .origin(new Origin(SOURCE, 0, SourceFormat.BIBTEX))
        .build();
  }
}
