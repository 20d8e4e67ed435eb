"""hoagiai: the generator and tools behind the Thượng Phúc grassroots-mediation site."""

__version__ = "0.1.0"
