public import NianbaoModel
